from msadecomp.cli import main

main()
