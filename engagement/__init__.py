"""Engagement: reader events, bot filtering, daily roll-ups and reach (docs/engagement.md).

Other apps read through `engagement.selectors` (`reader_figures`, `reach_for`, `view_count`,
`most_viewed`, `popular_searches`; plain numbers and dataclasses) and write through
`engagement.services` (`record_search`).
"""
