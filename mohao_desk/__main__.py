from mohao_desk.cli import main

raise SystemExit(main())
