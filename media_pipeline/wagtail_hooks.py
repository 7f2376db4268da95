from wagtail import hooks

from .documents import note_restriction

hooks.register("before_serve_document", note_restriction)
