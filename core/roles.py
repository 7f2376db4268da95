"""The newsroom's roles as data: applied by a data migration, read by tests and docs.

Page permissions are granted on the root page (the whole tree); the campaign officer's page
permissions are granted on the exemplar directory and document list when those pages are
created (campaigns.signals), so officers publish there but cannot publish stories.
"""

JOURNALIST = "Phóng viên"
EDITOR = "Biên tập viên"
EDITOR_IN_CHIEF = "Lãnh đạo biên tập"
CAMPAIGN_OFFICER = "Cán bộ thi đua – khen thưởng"
ADMINISTRATOR = "Quản trị hệ thống"

REVIEW_TASK = "Biên tập viên duyệt"
APPROVAL_TASK = "Lãnh đạo phê duyệt"
WORKFLOW_NAME = "Duyệt bài: biên tập → lãnh đạo"

# Wagtail page permission actions, on the root page.
PAGE_PERMISSIONS = {
    JOURNALIST: ["add", "change"],
    EDITOR: ["add", "change", "lock", "unlock"],
    EDITOR_IN_CHIEF: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
    ADMINISTRATOR: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}
CAMPAIGN_SECTION_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]

# The media library, on the root collection (so every collection below it). Wagtail checks
# `wagtailimages.*_image` and `wagtaildocs.*_document` there whatever the image model is
# (a custom image model's own `media_pipeline.*_lantoaimage` permissions are never read), and
# with its ownership rule: "add" also lets a user edit and delete what she uploaded herself;
# "change" is needed for everyone else's; Wagtail treats "delete" as "change" but the group
# editor shows it, so it is granted where deleting is meant. The collection permissions let
# editors file the library in folders (Wagtail's collection management: descendants only).
_UPLOAD_AND_CHOOSE = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
_MANAGE_ALL_MEDIA = [
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]
# The audio library (wagtailmedia): its policy reads `wagtailmedia.*_media` on the collections
# whatever the media model is, with the same ownership rule as above. Its tables come after
# the early roles migrations, which therefore pass `allow_missing` (lantoa/0013 grants them).
_ADD_AUDIO = [("wagtailmedia", "add_media")]
_MANAGE_ALL_AUDIO = [("wagtailmedia", "change_media"), ("wagtailmedia", "delete_media")]
_FILE_IN_COLLECTIONS = [("wagtailcore", "add_collection"), ("wagtailcore", "change_collection")]
_ALL_COLLECTION_PERMISSIONS = [
    *_UPLOAD_AND_CHOOSE,
    *_MANAGE_ALL_MEDIA,
    *_ADD_AUDIO,
    *_MANAGE_ALL_AUDIO,
    *_FILE_IN_COLLECTIONS,
    ("wagtailcore", "delete_collection"),
]
COLLECTION_PERMISSIONS = {
    JOURNALIST: _UPLOAD_AND_CHOOSE + _ADD_AUDIO,
    EDITOR: _UPLOAD_AND_CHOOSE
    + _MANAGE_ALL_MEDIA
    + _ADD_AUDIO
    + _MANAGE_ALL_AUDIO
    + _FILE_IN_COLLECTIONS,
    EDITOR_IN_CHIEF: _ALL_COLLECTION_PERMISSIONS,
    CAMPAIGN_OFFICER: _UPLOAD_AND_CHOOSE,
    ADMINISTRATOR: _ALL_COLLECTION_PERMISSIONS,
}

_ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
_VIEW_SNIPPETS = [
    ("stories", "view_author"),
    ("stories", "view_storytag"),
    ("core", "view_locality"),
]
MODEL_PERMISSIONS = {
    JOURNALIST: _ADMIN_ACCESS + _VIEW_SNIPPETS,
    EDITOR: _ADMIN_ACCESS
    + _VIEW_SNIPPETS
    + [
        ("stories", "add_author"),
        ("stories", "change_author"),
        ("stories", "add_storytag"),
        ("stories", "change_storytag"),
        ("stories", "view_withdrawal"),
    ],
    EDITOR_IN_CHIEF: _ADMIN_ACCESS
    + _VIEW_SNIPPETS
    + [
        ("stories", "add_author"),
        ("stories", "change_author"),
        ("stories", "delete_author"),
        ("stories", "add_storytag"),
        ("stories", "change_storytag"),
        ("stories", "delete_storytag"),
        # Takedowns are recorded by unpublishing (which only this role may do); the notice's
        # reason and the silent choice can be changed afterwards.
        ("stories", "view_withdrawal"),
        ("stories", "change_withdrawal"),
        ("core", "change_sitesettings"),
        # Deleting (and moving) pages others wrote, or that were ever submitted or published
        # (core.page_permissions); everyone else deletes only their own untouched drafts.
        ("wagtailcore", "delete_page"),
    ],
    CAMPAIGN_OFFICER: _ADMIN_ACCESS
    + _VIEW_SNIPPETS
    + [("core", "add_locality"), ("core", "change_locality")],
    ADMINISTRATOR: "__all__",
}
# Not even "__all__" includes these: publishing a story the integrity rules flagged is the
# editor-in-chief's call alone (docs/integrity.md), never the technical administrator's.
EDITOR_IN_CHIEF_ONLY = [("integrity", "override_integrity")]

# Reader comments (the reader_comments app's migrations grant these: its table comes after the
# roles migration). Editors and the editor-in-chief moderate; journalists do not judge readers'
# comments on their own stories.
COMMENT_MODERATORS = [EDITOR, EDITOR_IN_CHIEF, ADMINISTRATOR]
# Readers' nominations of exemplars (campaigns): the campaign officers' queue.
NOMINATION_KEEPERS = [CAMPAIGN_OFFICER, ADMINISTRATOR]

# Who may act on each workflow step.
WORKFLOW_TASKS = [
    (REVIEW_TASK, [EDITOR, EDITOR_IN_CHIEF]),
    (APPROVAL_TASK, [EDITOR_IN_CHIEF]),
]

ALL_GROUPS = [JOURNALIST, EDITOR, EDITOR_IN_CHIEF, CAMPAIGN_OFFICER, ADMINISTRATOR]

# Models that moved between apps (core/0001, lantoa/0009: localities and the site settings):
# migrations that run before the move find their permissions under the former app label.
FORMER_APP_LABELS = {"core": ["lantoa"]}


def apply_roles(apps, *, allow_missing: bool = False) -> None:
    """Create or update the groups, their permissions and the review workflow (idempotent).

    Every roles migration calls this with the roles as they are now. An early one runs before
    the models some of today's permissions belong to exist: it passes `allow_missing=True`, and
    the latest roles migration, which depends on those models, grants them (and must not).
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label: str, codename: str):
        labels = [app_label, *FORMER_APP_LABELS.get(app_label, [])]
        found = None
        for label in labels:
            found = Permission.objects.filter(
                content_type__app_label=label, codename=codename
            ).first()
            if found is not None:
                break
        if found is None and not allow_missing:
            raise LookupError(f"No permission {app_label}.{codename} for the roles to grant.")
        return found

    def permissions(items) -> list:
        return [found for found in (permission(*item) for item in items) if found is not None]

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_GROUPS}

    for name, group in groups.items():
        spec = MODEL_PERMISSIONS[name]
        if spec == "__all__":
            everything = Permission.objects.all()
            for app_label, codename in EDITOR_IN_CHIEF_ONLY:  # absent before its app migrates
                everything = everything.exclude(
                    content_type__app_label=app_label, codename=codename
                )
            group.permissions.set(everything)
        else:
            # Added, not set: campaigns and syndication grant their own models' permissions
            # to these groups in their migrations, and re-applying the roles keeps them.
            group.permissions.add(*permissions(spec))
        if root_page is not None:
            for item in permissions(
                ("wagtailcore", f"{action}_page") for action in PAGE_PERMISSIONS.get(name, [])
            ):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=item
                )
        if root_collection is not None:
            # The roles are the truth on the root collection: grants they no longer list go
            # (permissions given on other collections in the admin are left as they are).
            wanted = permissions(COLLECTION_PERMISSIONS.get(name, []))
            GroupCollectionPermission.objects.filter(
                group=group, collection=root_collection
            ).exclude(permission__in=wanted).delete()
            for item in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=item
                )

    _apply_workflow(apps, groups, root_page)


def grant_app_permissions(apps, app_label: str, grants: dict[str, list[str]]) -> None:
    """Give groups (by name) permissions of one app's models, in that app's data migration:
    its tables come after the roles migration, so `apply_roles` cannot grant them."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in grants.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def _apply_workflow(apps, groups, root_page) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    for order, (task_name, group_names) in enumerate(WORKFLOW_TASKS):
        task, _created = GroupApprovalTask.objects.get_or_create(
            name=task_name, defaults={"content_type": task_type, "active": True}
        )
        task.groups.set([groups[name] for name in group_names])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    if root_page is not None:
        # Replace Wagtail's default "Moderators approval" on the whole tree with ours.
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(name="Moderators approval").update(active=False)
    # Wagtail's starter groups would only confuse: the roles above replace them.
    apps.get_model("auth", "Group").objects.filter(name__in=["Moderators", "Editors"]).delete()
