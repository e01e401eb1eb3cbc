from .contracts import AwardedContractPage, ContractHolder  # noqa: F401
from .pages import (  # noqa: F401
    ProcurementIndexPage,
    ProcurementNoticeDocument,
    ProcurementNoticePage,
    ProcurementSectionPage,
)
from .questions import NoticeQuestion  # noqa: F401
