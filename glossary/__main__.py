from glossary.launcher import main

raise SystemExit(main())
