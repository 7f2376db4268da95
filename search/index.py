"""The public face of index upkeep: other apps and signals call these, never the backends."""

from __future__ import annotations

import logging

from tqdm import tqdm

from . import vocabulary
from .backends import get_backend
from .documents import all_documents, count_documents, document_for

logger = logging.getLogger(__name__)
BATCH = 200


def update(page_id: int) -> str:
    """Brings one page's entry up to date: indexed if live and public, removed otherwise."""
    backend = get_backend()
    doc = document_for(page_id)
    if doc is None:
        backend.delete([page_id])
        return "removed"
    backend.index([doc])
    vocabulary.learn([doc])
    return "indexed"


def remove(page_id: int) -> None:
    get_backend().delete([page_id])


def rebuild(progress: bool = False) -> int:
    """Everything from scratch (`manage.py search_reindex`), the vocabulary too."""
    backend = get_backend()
    learned = vocabulary.Learned()

    def documents():
        for doc in all_documents():
            learned.add(doc)
            yield doc

    vocabulary.forget_all()
    if hasattr(backend, "rebuild"):
        done = backend.rebuild(documents(), total=count_documents(), progress=progress)
        learned.save()
        return done
    backend.clear()
    done, batch = 0, []
    with tqdm(total=count_documents(), disable=not progress, unit="trang") as bar:
        for doc in documents():
            batch.append(doc)
            if len(batch) >= BATCH:
                backend.index(batch)
                done += len(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            backend.index(batch)
            done += len(batch)
            bar.update(len(batch))
    learned.save()
    return done
