from modeltranslation.translator import TranslationOptions, register

from .models import NationalNetwork, Participant


@register(Participant)
class ParticipantTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(NationalNetwork)
class NationalNetworkTranslationOptions(TranslationOptions):
    fields = ("name", "description")
