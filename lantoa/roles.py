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

# Image and document permissions, on the root collection. Wagtail checks image permissions on
# wagtailimages.Image even with a custom image model (media_pipeline.LanToaImage).
_MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
_MEDIA_MANAGE = [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")]
COLLECTION_PERMISSIONS = {
    JOURNALIST: _MEDIA,
    EDITOR: _MEDIA + _MEDIA_MANAGE,
    EDITOR_IN_CHIEF: _MEDIA
    + _MEDIA_MANAGE
    + [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")],
    CAMPAIGN_OFFICER: _MEDIA,
    ADMINISTRATOR: _MEDIA
    + _MEDIA_MANAGE
    + [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")],
}

_ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
_VIEW_SNIPPETS = [
    ("stories", "view_author"),
    ("stories", "view_storytag"),
    ("lantoa", "view_locality"),
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
        ("lantoa", "change_sitesettings"),
    ],
    CAMPAIGN_OFFICER: _ADMIN_ACCESS
    + _VIEW_SNIPPETS
    + [("lantoa", "add_locality"), ("lantoa", "change_locality")],
    ADMINISTRATOR: "__all__",
}

# Who may act on each workflow step.
WORKFLOW_TASKS = [
    (REVIEW_TASK, [EDITOR, EDITOR_IN_CHIEF]),
    (APPROVAL_TASK, [EDITOR_IN_CHIEF]),
]

ALL_GROUPS = [JOURNALIST, EDITOR, EDITOR_IN_CHIEF, CAMPAIGN_OFFICER, ADMINISTRATOR]


def ensure_permissions(apps, app_labels: set[str] | None = None) -> None:
    """Create the permission rows of the migration state's apps (Django does it only after
    the whole migrate run), so a migration can grant them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        if app_labels is None or app_config.label in app_labels:
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None


def apply_roles(apps) -> None:
    """Create or update the groups, their permissions and the review workflow (idempotent)."""
    ensure_permissions(apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label: str, codename: str):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_GROUPS}

    for name, group in groups.items():
        spec = MODEL_PERMISSIONS[name]
        if spec == "__all__":
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set([permission(*item) for item in spec])
        if root_page is not None:
            for action in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission("wagtailcore", f"{action}_page"),
                )
        if root_collection is not None:
            for item in COLLECTION_PERMISSIONS.get(name, []):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(*item)
                )

    _apply_workflow(apps, groups, root_page)


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
