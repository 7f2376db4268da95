from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.nominations import nominate
from core.pagecache import public_page
from media_pipeline.documents import serve_document
from stories import download as story_download
from stories import views as story_views
from stories.admin_views import unpublish_view

from . import views

urlpatterns = [
    # Wagtail's unpublish confirmation, with the takedown notice's fields (stories.admin_views):
    # matched before the admin's own route at the same address.
    path("admin/pages/<id:page_id>/unpublish/", unpublish_view, name="story_unpublish"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's serving view (collection privacy) with caching headers; its other routes follow.
    path("documents/<id:document_id>/<str:document_filename>", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    # The audio library's public files, with byte ranges (media_pipeline.audio.views).
    path("", include("media_pipeline.urls")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        public_page(sitemap, params=["p"]),
        {"sitemaps": views.SITEMAPS},
        name="sitemap",
    ),
    path("gioi-thieu-guong-dien-hinh/", nominate, name="nominate"),
    path("luu-bai/<int:page_id>.pdf", story_download.story_pdf, name="story_pdf"),
    path("luu-bai/<int:page_id>.docx", story_download.story_docx, name="story_docx"),
    path("dinh-chinh/", story_views.corrections_log, name="corrections_log"),
    path("tu-khoa/", story_views.tag_list, name="tag_list"),
    path("tu-khoa/<slug:slug>/", story_views.tag_detail, name="tag_detail"),
    path("tac-gia/<slug:slug>/", story_views.author_detail, name="author_detail"),
    path("", include("syndication.urls")),
    path("", include("engagement.urls")),
    path("", include("search.urls")),
    path("", include("comments.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
# `make run` and a bare gunicorn serve media themselves (never documents or other internal files:
# views.media); production puts a web server or object storage in front.
urlpatterns += [path(settings.MEDIA_URL.lstrip("/") + "<path:path>", views.media)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "lantoa.views.page_not_found"
handler500 = "lantoa.views.server_error"
