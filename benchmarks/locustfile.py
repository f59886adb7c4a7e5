"""Deadline-day load (run by ``benchmarks/pages.py``, never on its own against anything but loopback).

BENCH_USERS_FILE: the sessions the benchmark made (``[{"session": key, "request": pk}]``); BENCH_SCENARIO:
``bare`` (the bare login-required view), ``mix`` (inbox, report form, save draft) or ``cached`` (the mix with its
two pages served whole from the cache, ``benchmarks.views.cached_page``: whole-page caching's ceiling; the save
for real). No think time.
"""

import itertools
import json
import os
import re

from locust import HttpUser, constant, task

SESSIONS = itertools.cycle(json.loads(open(os.environ["BENCH_USERS_FILE"]).read()))
SCENARIO = os.environ.get("BENCH_SCENARIO", "bare")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class UnitHead(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        me = next(SESSIONS)
        self.client.cookies.set("sessionid", me["session"])
        self.form_url = f"/reporting/requests/{me['request']}/"

    @task
    def deadline(self):
        if SCENARIO == "bare":
            self.client.get("/bench/bare/", name="bare view")
            return
        cached = SCENARIO == "cached"
        self.client.get("/bench/cached/inbox/" if cached else "/reporting/inbox/", name="inbox")
        page = self.client.get("/bench/cached/form/" if cached else self.form_url, name="report form")
        token = TOKEN.search(page.text or "")
        if token is None:
            return
        with self.client.post(self.form_url, name="save draft", allow_redirects=False, catch_response=True,
                              data={"csrfmiddlewaretoken": token.group(1), "save": "1",
                                    "narrative_results": "Kết quả đạt được trong kỳ."},
                              headers={"Referer": self.host + self.form_url}) as response:
            if response.status_code != 302:
                response.failure(f"save draft answered {response.status_code}")
