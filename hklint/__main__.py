from hklint.cli import main

main()
