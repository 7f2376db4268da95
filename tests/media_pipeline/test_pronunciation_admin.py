"""The pronunciation dictionary in the admin: editors keep it, journalists only read it; what
an editor types is what every engine reads."""

import pytest
from django.urls import reverse
from lxml import html

from media_pipeline.models import Pronunciation
from media_pipeline.speech.pronunciation import spoken_text

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_media_pipeline_pronunciation:add"
LIST = "wagtailsnippets_media_pipeline_pronunciation:list"


def test_an_editor_adds_an_entry_that_the_voice_then_reads(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse(ADD), {"term": " HTX ", "spoken": "hợp tác xã", "note": "Hợp tác xã"}
    )
    assert response.status_code == 302
    entry = Pronunciation.objects.get()
    assert (entry.term, entry.spoken) == ("HTX", "hợp tác xã")
    assert spoken_text("HTX Tân Tiến") == "hợp tác xã Tân Tiến"
    listing = html.fromstring(client.get(reverse(LIST)).content)
    assert "HTX" in listing.text_content()


def test_a_duplicate_term_is_refused_and_nothing_changes(client, editor_in_chief):
    Pronunciation.objects.create(term="UBND", spoken="ủy ban nhân dân")
    client.force_login(editor_in_chief)
    response = client.post(reverse(ADD), {"term": "UBND", "spoken": "ủy ban", "note": ""})
    assert response.status_code == 200  # the form again, with its message
    assert list(Pronunciation.objects.values_list("spoken", flat=True)) == ["ủy ban nhân dân"]


def test_a_journalist_reads_but_cannot_add(client, journalist):
    client.force_login(journalist)
    assert client.get(reverse(LIST)).status_code == 200
    response = client.post(reverse(ADD), {"term": "HTX", "spoken": "hợp tác xã", "note": ""})
    assert response.status_code in (302, 403)
    assert not Pronunciation.objects.exists()
