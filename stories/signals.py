"""Takedowns follow Wagtail's publishing signals, whichever way a story left or came back."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import StoryPage
from .withdrawals import Withdrawal


@receiver(page_unpublished, sender=StoryPage)
def record_withdrawal(sender, instance: StoryPage, **kwargs) -> None:
    Withdrawal.record(instance)


@receiver(page_published, sender=StoryPage)
def end_withdrawal(sender, instance: StoryPage, **kwargs) -> None:
    Withdrawal.end_for(instance)
