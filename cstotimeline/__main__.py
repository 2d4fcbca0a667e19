from cstotimeline.cli import main

main()
