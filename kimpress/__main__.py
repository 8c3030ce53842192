"""Run the command line: ``python -m kimpress``."""

from kimpress.cli import main

raise SystemExit(main())
