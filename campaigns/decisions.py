"""A draft award decision (Quyết định khen thưởng) in the official form, from a decision
record and the exemplars it honours: the officer downloads it as Word, edits and signs it."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vietnamese.collation import sorted_vietnamese

from .models import AwardDecision
from .official import (
    OfficialDocument,
    Paragraph,
    Section,
    Table,
    lines,
    place_and_date,
    plan_citation,
)

# The law and decree every commendation rests on (Căn cứ), unless the record names others.
DEFAULT_BASIS = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
)


def decision_document(decision: AwardDecision) -> OfficialDocument:
    campaign = decision.campaign
    exemplars = sorted_vietnamese(
        decision.exemplars.select_related("locality"), key=lambda page: page.title
    )
    form = decision.get_form_display()
    within = (
        " "
        + _("in carrying out %(title)s")
        % {"title": campaign.title[:1].lower() + campaign.title[1:]}
        if campaign
        else ""
    )
    basis = lines(decision.basis) or [
        *DEFAULT_BASIS,
        *([_("Based on %(plan)s;") % {"plan": plan_citation(campaign)}] if campaign else []),
    ]
    if decision.proposer:
        basis.append(_("At the proposal of %(proposer)s.") % {"proposer": decision.proposer})
    position = decision.signer_position or _("Head of the agency")
    articles = Section(
        pgettext("decision heading", "DECIDES:"),
        [
            Paragraph(
                _(
                    "Article 1. To award %(form)s to %(count)s collectives and individuals "
                    "(list below) for their outstanding achievements%(within)s:"
                )
                % {"form": form, "count": len(exemplars), "within": within}
            ),
            Table(
                "honoured",
                [pgettext("row number", "No."), _("Exemplar"), _("Kind"), _("Locality")],
                [
                    [number, page.title, page.get_kind_display(), str(page.locality or "")]
                    for number, page in enumerate(exemplars, 1)
                ],
                numeric={0},
            ),
            Paragraph(
                _(
                    "Article 2. The collectives and individuals named in Article 1 receive the "
                    "%(form)s and the reward money set by the regulations."
                )
                % {"form": form}
            ),
            Paragraph(
                _(
                    "Article 3. This decision takes effect on the day it is signed. The heads "
                    "of the bodies concerned and the collectives and individuals named in "
                    "Article 1 carry out this decision."
                )
            ),
        ],
        centred=True,
    )
    return OfficialDocument(
        parent_body=decision.parent_body,
        issuing_body=decision.issuer,
        number=_("No.: %(number)s") % {"number": decision.number},
        place_and_date=place_and_date(
            decision.place or (campaign.report_place if campaign else "") or "Tân Lâm",
            decision.decision_date,
        ),
        kind=pgettext("document type", "DECISION"),
        summary=decision.summary
        or _("On commending collectives and individuals with outstanding achievements%(within)s")
        % {"within": within},
        recipients=[],
        basis=basis,
        sections=[articles],
        distribution=[_("As in Article 3;"), _("Filed: Records office, Emulation office.")],
        signature=decision.signature_block(decision.issuer),
        title=str(decision),
        authority=decision_authority(decision, position),
    )


def decision_authority(decision: AwardDecision, position: str) -> str:
    """The line under the subject: the collective for TM. (ỦY BAN NHÂN DÂN TỈNH …), else the
    head's position and the body (CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …)."""
    if decision.signing_authority == "tm":
        return decision.issuer.upper()
    head = decision.signing_for if decision.signing_authority else position
    return f"{head or position} {decision.issuer}".upper()
