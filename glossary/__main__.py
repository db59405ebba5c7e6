from glossary.launcher import run

run()
