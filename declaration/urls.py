app_name = "declaration"

urlpatterns = []
