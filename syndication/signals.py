"""Feeds change with what they carry, in every process: they are cached under the site
generation (core.cache). Pages published, unpublished, moved, deleted or made private
(core.signals), campaigns and participations (campaigns.signals) and outlets, a new token
included (here), start a new generation: the next request, in any process, builds afresh."""

from core.cache import invalidate_on_change

from .models import Outlet

invalidate_on_change(Outlet)
