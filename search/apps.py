from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "lantoa_search"
    verbose_name = "Tìm kiếm"
