"""Who may delete (and so move) a page: the newsroom's rule on top of Wagtail's tree permissions.

Wagtail lets anyone with "change" on a section delete every unpublished page in it: a journalist
could delete colleagues' drafts and a story in review. Here deleting a page someone else wrote,
or one that was ever submitted or published, also needs the model permission
`wagtailcore.delete_page` (the editor-in-chief and administrators, core.roles). Everyone else
deletes only their own drafts that never left their hands. Wagtail's move check is "may delete",
so the same rule keeps colleagues' pages where they are.
"""

from django.db.models import Q
from wagtail.models import Page, PagePermissionTester

DELETE_ANY_PAGE = "wagtailcore.delete_page"


def is_own_untouched_draft(page: Page, user) -> bool:
    """The page and everything under it belong to `user`, were never published and never
    entered a workflow (one query)."""
    return (
        not Page.objects.descendant_of(page, inclusive=True)
        .filter(
            ~Q(owner=user)
            | Q(live=True)
            | Q(first_published_at__isnull=False)
            | Q(live_revision__isnull=False)
            | Q(_workflow_states__isnull=False)
        )
        .exists()
    )


class LanToaPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk: bool = False) -> bool:
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or self.user.has_perm(DELETE_ANY_PAGE):
            return True
        return is_own_untouched_draft(self.page, self.user)
