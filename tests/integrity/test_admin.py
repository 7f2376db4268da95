"""The admin side as editors meet it: the findings report in the Reports menu, the rule snippets
in Vietnamese, and the `scan_reader_submission` hook other apps call."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from integrity.models import Finding, SpamTerm, TrustedDomain
from integrity.services import GAMBLING, HIDDEN, UNKNOWN_LINK
from tests.admin_language import english_phrases, english_words, response_fragments

pytestmark = pytest.mark.django_db


def vietnamese_only(response) -> None:
    """No English interface; the rules' own data (English betting words, domains) is data."""
    assert response.status_code == 200
    texts = list(response_fragments(response.content, response["Content-Type"]))
    data = {
        word
        for value in (
            *SpamTerm.objects.values_list("term", flat=True),
            *TrustedDomain.objects.values_list("domain", flat=True),
        )
        for word in english_words(value.lower())
    }
    interface = [
        phrase
        for phrase in english_phrases(texts)
        if not {word.lower() for word in english_words(phrase)} <= data
    ]
    assert interface == []


@pytest.fixture
def stored_finding(make_story):
    story = make_story("Bài có phát hiện")
    now = timezone.now()
    return Finding.objects.create(
        page=story,
        rule=GAMBLING,
        field="html",
        excerpt="…Theo Báo Nhà cái, hôm nay…",
        key="k1",
        first_seen=now,
        last_seen=now,
    )


@pytest.mark.parametrize("role", ["editor", "editor_in_chief"])
def test_findings_report_is_in_the_reports_menu_for_editors(client, request, role, stored_finding):
    client.force_login(request.getfixturevalue(role))
    url = reverse("integrity_findings")
    response = client.get(url)
    vietnamese_only(response)
    soup = BeautifulSoup(response.content, "html.parser")
    cells = [" ".join(td.get_text(" ").split()) for td in soup.select("table tbody td")]
    assert "Bài có phát hiện" in cells
    assert "…Theo Báo Nhà cái, hôm nay…" in cells
    assert "Từ ngữ cờ bạc, cá cược" in cells
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in dashboard  # the Reports menu lists it


def test_journalists_do_not_see_the_report(client, journalist, stored_finding):
    client.force_login(journalist)
    response = client.get(reverse("integrity_findings"))
    assert response.status_code in (302, 403)
    assert (
        reverse("integrity_findings")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_editors_extend_the_vocabulary_in_the_admin(client, editor):
    client.force_login(editor)
    listing = reverse("wagtailsnippets_integrity_spamterm:list")
    vietnamese_only(client.get(listing))
    add = reverse("wagtailsnippets_integrity_spamterm:add")
    vietnamese_only(client.get(add))
    response = client.post(add, {"term": "xèng", "kind": "word", "note": "", "active": "on"})
    assert response.status_code == 302
    assert SpamTerm.objects.filter(term="xèng").exists()
    # A broken pattern is refused and nothing is saved.
    response = client.post(add, {"term": "(xeng", "kind": "pattern", "note": "", "active": "on"})
    assert response.status_code == 200
    assert not SpamTerm.objects.filter(term="(xeng").exists()
    for name in ("trusteddomain", "issuingbody"):
        vietnamese_only(client.get(reverse(f"wagtailsnippets_integrity_{name}:list")))


def test_reader_submission_hook_answers_for_spam_and_links():
    [scan] = hooks.get_hooks("scan_reader_submission")
    assert scan("Cảm ơn bài viết, tôi rất xúc động.") == []
    assert {f.rule for f in scan("Vào nhà cái uy tín kèo thơm")} == {GAMBLING}
    assert {f.rule for f in scan("Xem thêm tại https://abc.example.net/x")} == {UNKNOWN_LINK}
    hidden = '<p>Hay quá</p><span style="display:none"><a href="https://a.example">a</a></span>'
    assert HIDDEN in {f.rule for f in scan(hidden)}
