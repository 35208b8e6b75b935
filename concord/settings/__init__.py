"""Settings, chosen by CONCORD_ENV: ``dev`` (default), ``test`` or ``production``."""
