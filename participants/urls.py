app_name = "participants"

urlpatterns = []
