"""The campaign fixtures, for the screens whose lists these tests read."""

from tests.campaigns.conftest import campaign  # noqa: F401
