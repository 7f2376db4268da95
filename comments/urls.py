from django.urls import path

from . import views

app_name = "reader_comments"

urlpatterns = [path("binh-luan/<int:story_id>/gui/", views.post_comment, name="post")]
