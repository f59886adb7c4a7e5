"""The public question page: no login, its own layout, abuse limits, nothing private or unpublished shown."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from dialogue import abuse, services
from dialogue.models import Question

pytestmark = pytest.mark.django_db

QUESTION = {"name": "Trần Thị Hằng", "contact": "0912 345 678", "text": "Khi nào có lịch tiêm vắc xin bạch hầu?",
            "topic": "", "website": ""}


def _post(client, session, address="203.0.113.7", **changes):
    return client.post(reverse("dialogue:public_session", args=[session.pk]), {**QUESTION, **changes},
                       REMOTE_ADDR=address)


def test_a_citizen_submits_a_question_without_login_and_gets_a_tracking_code(client, online_session):
    response = _post(client, online_session)
    assert response.status_code == 200
    question = Question.objects.get()
    assert (question.name, question.contact, question.status) == ("Trần Thị Hằng", "0912 345 678", "pending")
    assert question.tracking_code.startswith("DT-") and question.tracking_code in response.content.decode()


def test_the_public_page_has_its_own_layout_without_staff_navigation(client, online_session, users):
    client.force_login(users.admin)  # even a logged-in administrator sees the plain page
    body = client.get(reverse("dialogue:public_home")).content.decode()
    assert online_session.title in body
    assert 'id="mainnav"' not in body and reverse("plans:list") not in body and "nav-dialogue" not in body


def test_the_honeypot_refuses_and_saves_nothing(client, online_session):
    response = _post(client, online_session, website="http://spam.example")
    assert response.status_code == 400
    assert not Question.objects.exists()
    assert "Không thể tiếp nhận câu hỏi. Vui lòng thử lại sau." in response.content.decode()


def test_a_10000_character_text_is_refused_cleanly_keeping_what_was_typed(client, online_session):
    text = "Câu hỏi dài " + "x" * 9988
    response = _post(client, online_session, text=text)
    body = response.content.decode()
    assert response.status_code == 400 and not Question.objects.exists()
    assert "Câu hỏi quá dài: tối đa 4000 ký tự (câu hỏi có 10000 ký tự)." in body
    assert text in body and "Trần Thị Hằng" in body and "0912 345 678" in body  # nothing typed is lost


def test_a_long_name_is_refused(client, online_session):
    assert _post(client, online_session, name="Đ" * 121).status_code == 400
    assert not Question.objects.exists()


def test_markup_is_never_executed_on_the_public_page_nor_the_moderation_screen(client, online_session, users):
    script = "<script>alert('xss')</script><b>đậm</b>"
    _post(client, online_session, text=f"Câu hỏi {script}", name=f"Tên {script}")
    question = Question.objects.get()
    services.question_publish(actor=users.author, question=question)
    public = client.get(reverse("dialogue:public_session", args=[online_session.pk])).content.decode()
    client.force_login(users.author)
    moderation = client.get(reverse("dialogue:moderation", args=[online_session.pk])).content.decode()
    for body in (public, moderation):
        assert "<script>alert" not in body and "<b>đậm</b>" not in body
        assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in body


def test_a_flood_from_one_address_is_stopped_and_other_addresses_still_get_through(client, online_session):
    statuses = [_post(client, online_session, text=f"Câu hỏi số {n} về tiêm chủng").status_code for n in range(12)]
    assert statuses == [200] * abuse.RATE_LIMIT + [429] * (12 - abuse.RATE_LIMIT)
    assert Question.objects.count() == abuse.RATE_LIMIT
    refused = _post(client, online_session, text="Câu hỏi thứ mười ba của tôi")
    body = refused.content.decode()
    assert "Có quá nhiều câu hỏi được gửi từ kết nối của bạn. Vui lòng thử lại sau." in body
    assert "Câu hỏi thứ mười ba của tôi" in body  # kept for the citizen
    assert _post(client, online_session, address="198.51.100.9").status_code == 200


def test_the_rate_limit_is_shared_through_redis(online_session, settings):
    """Two processes share the count when the cache is Redis (as under `make test` and in production)."""
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("Redis is not available")
    redis = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                         "LOCATION": settings.CELERY_BROKER_URL, "KEY_PREFIX": f"test-{online_session.pk}-rate"}}
    with override_settings(CACHES=redis):
        from django.core.cache import caches

        caches["default"].clear()
        address = f"192.0.2.{online_session.pk % 250}"
        assert all(abuse.take(address) for _n in range(abuse.RATE_LIMIT))
        other_process = caches.create_connection("default")  # a second client on the same Redis
        assert other_process.get(abuse._key(address)) == abuse.RATE_LIMIT
        assert not abuse.take(address)
        caches["default"].clear()
    cache.clear()


def test_public_pages_show_no_contact_and_no_unpublished_question(client, online_session, users):
    published, pending, rejected, merged = (
        services.question_submit(session=online_session, address=f"a{n}", data={
            "name": f"Người {n}", "contact": f"09000000{n}", "text": f"Câu hỏi riêng số {n}", "topic": None})
        for n in range(4))
    services.question_publish(actor=users.author, question=published)
    services.question_reject(actor=users.author, question=rejected, reason="Không phù hợp")
    services.question_merge(actor=users.author, question=merged, into=published)
    pages = [client.get(reverse("dialogue:public_home")), client.get(reverse("dialogue:public_session",
                                                                              args=[online_session.pk]))]
    pages += [client.get(reverse("dialogue:public_track"), {"code": q.tracking_code})
              for q in (published, pending, rejected, merged)]
    for response in pages:
        body = response.content.decode()
        assert response.status_code == 200
        for n in range(4):
            assert f"09000000{n}" not in body
    session_page = pages[1].content.decode()
    assert "Câu hỏi riêng số 0" in session_page
    for n in (1, 2, 3):
        assert f"Câu hỏi riêng số {n}" not in session_page


def test_answers_are_shown_after_the_session_and_found_by_tracking_code(client, online_session, users):
    question = services.question_submit(session=online_session, address="x", data={
        "name": "A", "contact": "0911", "text": "Lịch tiêm thế nào?", "topic": None})
    duplicate = services.question_submit(session=online_session, address="y", data={
        "name": "B", "contact": "0922", "text": "Lịch tiêm ra sao?", "topic": None})
    services.question_publish(actor=users.author, question=question)
    services.question_merge(actor=users.author, question=duplicate, into=question)
    services.question_answer(actor=users.author, question=question, answer="Từ ngày 02/11.", answered_by="CDC")
    track = reverse("dialogue:public_track")
    assert "Từ ngày 02/11." not in client.get(track, {"code": question.tracking_code}).content.decode()
    services.session_mark_held(actor=users.author, session=online_session, attendance=100)
    for code in (question.tracking_code, duplicate.tracking_code.lower()):
        assert "Từ ngày 02/11." in client.get(track, {"code": code}).content.decode()
    assert "Từ ngày 02/11." in client.get(reverse("dialogue:public_session", args=[online_session.pk])).content.decode()
    assert "Không có câu hỏi nào mang mã này." in client.get(track, {"code": "DT-NOPE"}).content.decode()


def test_a_held_session_accepts_no_more_questions(client, online_session, users):
    services.session_mark_held(actor=users.author, session=online_session, attendance=None)
    assert _post(client, online_session).status_code == 400
    assert not Question.objects.exists()


def test_an_in_person_session_has_no_public_page(client, org, users):
    import datetime as dt

    from django.utils import timezone

    session = services.session_save(actor=users.author, data={
        "title": "Trực tiếp", "form": "in_person", "starts_at": timezone.now() + dt.timedelta(days=1),
        "place": "Hội trường", "organising_unit": org.nvy})
    assert client.get(reverse("dialogue:public_session", args=[session.pk])).status_code == 404
