from quizgen.entry import main

main()
