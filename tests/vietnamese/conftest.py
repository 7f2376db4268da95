"""The campaign fixtures and the beacon, for the screens whose lists these tests read."""

from tests.campaigns.conftest import campaign  # noqa: F401
from tests.engagement.conftest import send  # noqa: F401
