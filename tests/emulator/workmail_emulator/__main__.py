"""``python -m workmail_emulator`` runs the server, like the ``workmail-emulator`` command."""

import sys

from .server import main

sys.exit(main())
