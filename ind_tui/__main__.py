from ind_tui.cli import main

raise SystemExit(main())
