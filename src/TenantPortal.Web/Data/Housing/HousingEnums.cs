namespace TenantPortal.Web.Data.Housing;

public enum TenancyStatus { Active, Ended, Pending }

public enum TenantRole { LeadTenant, JointTenant }

public enum ContactMethod { Email, Text, Phone, Letter }

public enum RentTransactionType { Charge, Payment, HousingBenefit, UniversalCredit, Adjustment, Refund, Compensation }

public enum BenefitType { None, HousingBenefit, UniversalCredit }

public enum Trade { Plumbing, Electrical, Carpentry, Roofing, Heating, General }

public enum RepairPriority { Emergency, Urgent, Routine }

public enum RepairStatus { Reported, Booked, InProgress, OnHold, Completed, Cancelled }

public enum RepairChannel { Portal, Phone, Officer }

public enum HazardType { None, Emergency, DampAndMould }

public enum SlotPeriod { AM, PM }

public enum AppointmentStatus { Booked, Moved, Cancelled, Attended }

public enum ChangeChannel { Portal, Officer, Phone }
