"""Teaching with the map: tours a step at a time, quizzes drawn from the map, and students' maps scored."""
