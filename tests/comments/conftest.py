"""Reader forms read as a browser reads them. The integrity rules that hold spam are the real
ones: the integrity app registers the `scan_reader_submission` hook."""

from bs4 import BeautifulSoup


def reader_form(html: str, selector: str = "form.reader-form") -> tuple[str, dict]:
    """The form as a browser would submit it: its action and every named field's value."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, "no reader form on the page"
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        if field.get("name"):
            if field.name == "input":
                data[field["name"]] = field.get("value", "")
            elif field.name == "textarea":  # a browser drops the newline after <textarea>
                data[field["name"]] = field.text.removeprefix("\r").removeprefix("\n")
            else:
                chosen = field.find("option", selected=True)
                data[field["name"]] = chosen.get("value", "") if chosen else ""
    return form["action"], data
