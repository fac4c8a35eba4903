# Chat sessions and request logs arrive with the AI assistant issue.
