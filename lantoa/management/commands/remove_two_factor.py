"""Recovery: `manage.py remove_two_factor USERNAME` removes a user's authenticator app and
backup codes (a lost phone); the user signs in with the password and may enrol again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lantoa.signin.twofactor import remove_devices, two_factor_required


class Command(BaseCommand):
    help = "Remove a user's two-step sign-in devices (authenticator app and backup codes)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("No user named “%(username)s”.") % {"username": username})
        count = remove_devices(user)
        self.stdout.write(
            _("Removed %(count)s two-step sign-in device(s) of %(username)s.")
            % {"count": count, "username": username}
        )
        if two_factor_required(user):
            self.stdout.write(_("Two-step sign-in is required: they enrol again at next sign-in."))
