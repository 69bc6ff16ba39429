namespace TenantPortal.Web.Data.Portal;

public enum PaymentStatus { Created, Open, Pending, Succeeded, Failed, Cancelled, Expired }

public enum PaymentProvider { Stripe, TestGateway }

public enum RefundStatus { Requested, Pending, Succeeded, Failed, Reversed }
