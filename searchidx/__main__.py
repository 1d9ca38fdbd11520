from searchidx.cli import main

main()
