"""Run the command line: ``python -m kimpress``."""

from kimpress.cli.main import main

raise SystemExit(main())
