"""POST data for the Wagtail page editor, built with Wagtail's own form-data helpers."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def story_form_data(**fields) -> dict:
    data = {
        "title": "Cô giáo cắm bản ở xã Nậm Mơ",
        "slug": "",
        "sapo": "Mười năm bám bản, cô giáo trẻ đưa con chữ tới từng nếp nhà.",
        "hero_image": "",
        "hero_caption": "",
        "body": streamfield(
            [("paragraph", rich_text("<p>Mỗi sáng, cô vượt con dốc dài hai cây số tới lớp.</p>"))]
        ),
        "source": "",
        "locality": "",
        "tags": "",
        "series": "",
        "part_number": "",
        "radio_script": "",
        "publication_date": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "story_authors": inline_formset([]),
        "exemplar_links": inline_formset([]),
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)
