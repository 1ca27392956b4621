from blamelint.cli import main

raise SystemExit(main())
