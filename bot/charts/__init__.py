"""Pictures of an answer: the timeline of when each dollar is free, and the routes compared.

``data`` builds the JSON a chart is drawn from (pure, no plotting library);
``render`` draws it with matplotlib's Agg backend, imported only when a picture is asked
for; ``cli`` is ``rothbot chart``.
"""
