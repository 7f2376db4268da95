"""The demo's data files: a broken file names itself and the key, and stops the demo early."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from lantoa.demo import builder, content
from lantoa.demo.content import DATA_DIR, FILES, DemoDataError, Facts, Figure, Para, Quote, load
from stories.models import StoryPage


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A copy of the real data files, to break one at a time."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_for(directory: Path) -> DemoDataError:
    with pytest.raises(DemoDataError) as caught:
        load(directory)
    return caught.value


def test_the_shipped_files_load_and_hold_the_whole_demo():
    demo = load()
    assert sorted(path.name for path in DATA_DIR.glob("*.toml")) == sorted(FILES)
    assert (len(demo.stories), len(demo.exemplars), len(demo.pictures)) == (13, 8, 27)
    assert [section.title for section in demo.columns][:1] == ["Gương sáng đời thường"]
    kinds = {type(block) for story in demo.stories for block in story.body}
    assert kinds == {Para, Quote, Facts, Figure}
    assert demo.pictures[0].alt.startswith("Hình minh họa những dải đồi")
    assert demo.campaign.participations[0].moves[0].day.isoformat() == "2025-03-10"


@pytest.mark.parametrize(
    ("name", "old", "new", "key", "words"),
    [
        ("stories.toml", 'hero = "p-road"', 'hero = "p-nope"', "stories[0].hero", "picture"),
        ("stories.toml", "days_ago = 130", 'days_ago = "130"', "stories[0].days_ago", "number"),
        ("stories.toml", "hour = 7", "hour = 27", "stories[0].hour", "0 to 23"),
        ("stories.toml", "sapo = ", "sapoo = ", "stories[0].sapoo", "unknown key"),
        (
            "stories.toml",
            '[[stories.body]]\ntype = "paragraph"',
            '[[stories.body]]\ntype = "para"',
            "stories[0].body[0].type",
            "one of",
        ),
        (
            "stories.toml",
            'related = ["s-porridge"]',
            'related = ["s-lanes"]',
            "stories[3].related[0]",
            "declare it earlier",
        ),
        ("exemplars.toml", 'title = "Trần Thị Hai"\n', "", "exemplars[0].title", "missing"),
        ("exemplars.toml", 'kind = "individual"', 'kind = "hero"', "exemplars[0].kind", "kind"),
        (
            "site.toml",
            'parent = "Huyện Yên Khê"',
            'parent = "Huyện Không Có"',
            "places[6].parent",
            "place",
        ),
        ("site.toml", 'group = "editor"', 'group = "bien-tap"', "users[2].group", "group"),
        ("pictures.toml", 'motif = "hills"', 'motif = "sea"', "pictures[0].motif", "motif"),
        (
            "documents.toml",
            "issue_date = 2026-01-20",
            'issue_date = "20/01/2026"',
            "documents[0].issue_date",
            "date",
        ),
        (
            "campaign.toml",
            "stage = 1",
            "stage = 5",
            "campaign.participations[0].moves[0].stage",
            "stage",
        ),
        (
            "campaign.toml",
            "met = [0, 1, 2]",
            "met = [0, 1, 3]",
            "campaign.participations[0].met[2]",
            "criterion",
        ),
    ],
)
def test_a_broken_value_names_its_file_and_key(data_dir, name, old, new, key, words):
    edit(data_dir, name, old, new)
    error = error_for(data_dir)
    assert (error.file, error.key) == (name, key)
    assert words in error.message
    assert str(error).startswith(f"{name}: {key}: ")


def test_a_syntax_error_names_the_file_and_line(data_dir):
    edit(data_dir, "stories.toml", 'column = "nong-thon-moi"', 'column = "nong-thon-moi')
    error = error_for(data_dir)
    assert (error.file, error.key) == ("stories.toml", "(syntax)")
    assert "line 10" in error.message


def test_a_missing_file_and_a_key_given_twice_are_named(data_dir):
    (data_dir / "documents.toml").rename(data_dir / "documents.bak")
    assert error_for(data_dir).file == "documents.toml"
    (data_dir / "documents.bak").rename(data_dir / "documents.toml")
    campaign = data_dir / "campaign.toml"
    campaign.write_text('home_intro = "Lặp lại"\n' + campaign.read_text(encoding="utf-8"), "utf-8")
    error = error_for(data_dir)
    assert (error.file, error.key) == ("campaign.toml", "home_intro")
    assert "site.toml" in error.message


def test_load_demo_stops_with_the_message_and_builds_nothing(db, data_dir, monkeypatch):
    edit(data_dir, "stories.toml", 'hero = "p-road"', 'hero = "p-nope"')
    monkeypatch.setattr(builder, "load", lambda: content.load(data_dir))
    pages = Page.objects.count()
    with pytest.raises(
        CommandError, match=r"data/stories\.toml: stories\[0\]\.hero: unknown picture"
    ):
        call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages
    assert not StoryPage.objects.exists()


def test_the_built_site_follows_the_data(db):
    """Titles and slugs of every page come from the files, in their order."""
    call_command("load_demo", verbosity=0)
    demo = load()
    stories = list(StoryPage.objects.order_by("publication_date"))
    assert [story.title for story in stories] == [spec.title for spec in demo.stories]
    assert stories[0].slug == "hien-dat-mo-duong-thon-yen-trach-co-loi-di-rong-nam-met"
    assert [story.sapo for story in stories] == [spec.sapo for spec in demo.stories]
    menu = Page.objects.get(depth=2).get_children().in_menu().order_by("path")
    expected = [section.title for section in demo.columns] + [
        demo.series_index.title,
        demo.exemplar_index.title,
        demo.document_index.title,
    ]
    assert list(menu.values_list("title", flat=True)) == expected
