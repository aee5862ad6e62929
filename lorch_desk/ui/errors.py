"""DomainError code -> translated text, shown in place; unexpected errors -> log + apology."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from lorch_desk.domain.errors import DomainError, ValidationFailed

log = logging.getLogger(__name__)
_CONTEXT = "errors"

# Labels of the fields a ValidationFailed can name.
FIELD_LABELS: dict[str, str] = {
    # Consultations, treatment plans and prescriptions.
    "outcome": QT_TRANSLATE_NOOP("errors", "Outcome"),
    "not_closed_reason": QT_TRANSLATE_NOOP("errors", "Reason not closed"),
    "not_closed_note": QT_TRANSLATE_NOOP("errors", "Note on the reason"),
    "reason": QT_TRANSLATE_NOOP("errors", "Reason"),
    "lines": QT_TRANSLATE_NOOP("errors", "Lines"),
    "quantity": QT_TRANSLATE_NOOP("errors", "Quantity"),
    "service_item_id": QT_TRANSLATE_NOOP("errors", "Service item"),
    "product_id": QT_TRANSLATE_NOOP("errors", "Product"),
    "dose": QT_TRANSLATE_NOOP("errors", "Dose"),
    "frequency": QT_TRANSLATE_NOOP("errors", "Frequency"),
    "duration_days": QT_TRANSLATE_NOOP("errors", "Days"),
    "grams_per_dose": QT_TRANSLATE_NOOP("errors", "Grams per dose"),
    "doses": QT_TRANSLATE_NOOP("errors", "Number of doses"),
    "decoction": QT_TRANSLATE_NOOP("errors", "Decoction"),
    "usage_instructions": QT_TRANSLATE_NOOP("errors", "Usage"),
    "diagnosis": QT_TRANSLATE_NOOP("errors", "Diagnosis"),
    "kind": QT_TRANSLATE_NOOP("errors", "Kind"),
    "unit_price": QT_TRANSLATE_NOOP("errors", "Unit price"),
    "sessions_per_course": QT_TRANSLATE_NOOP("errors", "Sessions per course"),
    "category": QT_TRANSLATE_NOOP("errors", "Category"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
    "period": QT_TRANSLATE_NOOP("errors", "Period"),
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "institution_name": QT_TRANSLATE_NOOP("errors", "Institution name"),
    "gender": QT_TRANSLATE_NOOP("errors", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("errors", "Birthday"),
    "mobile": QT_TRANSLATE_NOOP("errors", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "email": QT_TRANSLATE_NOOP("errors", "E-mail"),
    "wechat": QT_TRANSLATE_NOOP("errors", "WeChat"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "region": QT_TRANSLATE_NOOP("errors", "Region"),
    "id_number": QT_TRANSLATE_NOOP("errors", "ID number"),
    "occupation": QT_TRANSLATE_NOOP("errors", "Occupation"),
    "income_level": QT_TRANSLATE_NOOP("errors", "Income level"),
    "member_type": QT_TRANSLATE_NOOP("errors", "Member type"),
    "channel": QT_TRANSLATE_NOOP("errors", "Channel"),
    "developer_name": QT_TRANSLATE_NOOP("errors", "Developer"),
    "referrer_name": QT_TRANSLATE_NOOP("errors", "Referrer"),
    # Membership: tiers, referrals, member events and partner merchants.
    "tiers": QT_TRANSLATE_NOOP("errors", "Tiers"),
    "tier_code": QT_TRANSLATE_NOOP("errors", "Tier code"),
    "tier_name": QT_TRANSLATE_NOOP("errors", "Tier name"),
    "rank": QT_TRANSLATE_NOOP("errors", "Rank"),
    "min_spend": QT_TRANSLATE_NOOP("errors", "Spend from"),
    "discount_rate": QT_TRANSLATE_NOOP("errors", "Discount"),
    "points_per_yuan": QT_TRANSLATE_NOOP("errors", "Points per yuan"),
    "birthday_gift": QT_TRANSLATE_NOOP("errors", "Birthday gift"),
    "referrer_id": QT_TRANSLATE_NOOP("errors", "Referrer"),
    "target_tiers": QT_TRANSLATE_NOOP("errors", "Invited tiers"),
    "title": QT_TRANSLATE_NOOP("errors", "Title"),
    "place": QT_TRANSLATE_NOOP("errors", "Place"),
    "merchant_id": QT_TRANSLATE_NOOP("errors", "Partner merchant"),
    "discounts": QT_TRANSLATE_NOOP("errors", "Tier discounts"),
    "invitation_id": QT_TRANSLATE_NOOP("errors", "Invitation"),
    "sms_consent": QT_TRANSLATE_NOOP("errors", "SMS consent"),
    "notes": QT_TRANSLATE_NOOP("errors", "Notes"),
    "card_number": QT_TRANSLATE_NOOP("errors", "Card number"),
    "content": QT_TRANSLATE_NOOP("errors", "Content"),
    "username": QT_TRANSLATE_NOOP("errors", "User name"),
    "display_name": QT_TRANSLATE_NOOP("errors", "Display name"),
    "password": QT_TRANSLATE_NOOP("errors", "Password"),
    "site_code": QT_TRANSLATE_NOOP("errors", "Site code"),
    "site_name": QT_TRANSLATE_NOOP("errors", "Site name"),
    "position": QT_TRANSLATE_NOOP("errors", "Position"),
    "years_of_practice": QT_TRANSLATE_NOOP("errors", "Years of practice"),
    "file": QT_TRANSLATE_NOOP("errors", "File"),
    "head": QT_TRANSLATE_NOOP("errors", "Head"),
    "signed_on": QT_TRANSLATE_NOOP("errors", "Signing date"),
    "fields": QT_TRANSLATE_NOOP("errors", "Required fields"),
    "date_from": QT_TRANSLATE_NOOP("errors", "From"),
    "date_to": QT_TRANSLATE_NOOP("errors", "To"),
    "service_area": QT_TRANSLATE_NOOP("errors", "Service area"),
    "specialities": QT_TRANSLATE_NOOP("errors", "Specialities"),
    "user_id": QT_TRANSLATE_NOOP("errors", "Login"),
    "introduction": QT_TRANSLATE_NOOP("errors", "Introduction"),
    "training_history": QT_TRANSLATE_NOOP("errors", "Training history"),
    "success_cases": QT_TRANSLATE_NOOP("errors", "Success cases"),
    "cooperation_mode": QT_TRANSLATE_NOOP("errors", "Cooperation mode"),
    "cooperation_project": QT_TRANSLATE_NOOP("errors", "Cooperation project"),
    "department": QT_TRANSLATE_NOOP("errors", "Department"),
    "city": QT_TRANSLATE_NOOP("errors", "City"),
    "form_completed_at": QT_TRANSLATE_NOOP("errors", "Form completed at"),
    "named_consultant_id": QT_TRANSLATE_NOOP("errors", "Named consultant"),
    "not_counted_reason": QT_TRANSLATE_NOOP("errors", "Turn"),
    "visit_class": QT_TRANSLATE_NOOP("errors", "Visit class"),
    "age": QT_TRANSLATE_NOOP("errors", "Age"),
    "inquiry_item": QT_TRANSLATE_NOOP("errors", "Inquiry item"),
    "accept_minutes": QT_TRANSLATE_NOOP("errors", "Minutes to accept an offer"),
    "busy_skip_minutes": QT_TRANSLATE_NOOP("errors", "Minutes before a busy turn skips"),
    "extra_wait_minutes": QT_TRANSLATE_NOOP("errors", "Extra minutes"),
    "max_wait_minutes": QT_TRANSLATE_NOOP("errors", "Longest wait"),
    "unanswered_calls_to_skip": QT_TRANSLATE_NOOP("errors", "Unanswered calls before a skip"),
    "ownership_min_follow_ups": QT_TRANSLATE_NOOP("errors", "Follow-ups that keep a customer"),
    "ownership_window_days": QT_TRANSLATE_NOOP("errors", "Follow-up window in days"),
    "counted_until": QT_TRANSLATE_NOOP("errors", "Turns count until"),
    "half_day_start": QT_TRANSLATE_NOOP("errors", "Half-day change"),
    "arrived_from": QT_TRANSLATE_NOOP("errors", "Arrived from"),
    "arrived_to": QT_TRANSLATE_NOOP("errors", "Arrived to"),
    "customer_name": QT_TRANSLATE_NOOP("errors", "Customer name"),
    "intake_type": QT_TRANSLATE_NOOP("errors", "Intake type"),
    "developer_id": QT_TRANSLATE_NOOP("errors", "Developer"),
    "consultant_id": QT_TRANSLATE_NOOP("errors", "Consultant"),
    "suspended_until": QT_TRANSLATE_NOOP("errors", "Suspended until"),
    "item_type": QT_TRANSLATE_NOOP("errors", "Inquiry item"),
    "appointment_at": QT_TRANSLATE_NOOP("errors", "Appointment time"),
    "status": QT_TRANSLATE_NOOP("errors", "Status"),
    "source": QT_TRANSLATE_NOOP("errors", "Source"),
    "method": QT_TRANSLATE_NOOP("errors", "Contact method"),
    "starts_at": QT_TRANSLATE_NOOP("errors", "Start"),
    "ends_at": QT_TRANSLATE_NOOP("errors", "End"),
    "staff_id": QT_TRANSLATE_NOOP("errors", "Consultant or doctor"),
    "room_id": QT_TRANSLATE_NOOP("errors", "Room"),
    "item": QT_TRANSLATE_NOOP("errors", "Item"),
    # Greetings and message templates.
    "body": QT_TRANSLATE_NOOP("errors", "Message text"),
    "recipients": QT_TRANSLATE_NOOP("errors", "Recipients"),
    "template": QT_TRANSLATE_NOOP("errors", "Template"),
    "holiday": QT_TRANSLATE_NOOP("errors", "Holiday"),
    "inquiry_id": QT_TRANSLATE_NOOP("errors", "Inquiry"),
    "customer_id": QT_TRANSLATE_NOOP("errors", "Customer"),
    "message_id": QT_TRANSLATE_NOOP("errors", "Message"),
    "code": QT_TRANSLATE_NOOP("errors", "Code"),
    "purpose": QT_TRANSLATE_NOOP("errors", "Purpose"),
    # Warehouse.
    "batch": QT_TRANSLATE_NOOP("errors", "Batch"),
    "expiry": QT_TRANSLATE_NOOP("errors", "Expiry date"),
    "unit_cost": QT_TRANSLATE_NOOP("errors", "Unit cost"),
    "product": QT_TRANSLATE_NOOP("errors", "Product"),
    "supplier": QT_TRANSLATE_NOOP("errors", "Supplier"),
    "location": QT_TRANSLATE_NOOP("errors", "Location"),
    "order_line": QT_TRANSLATE_NOOP("errors", "Purchase order line"),
    "counted_quantity": QT_TRANSLATE_NOOP("errors", "Counted quantity"),
    "witness_name": QT_TRANSLATE_NOOP("errors", "Witness"),
    "sale_price": QT_TRANSLATE_NOOP("errors", "Sale price"),
    "cost": QT_TRANSLATE_NOOP("errors", "Cost"),
    "reorder_point": QT_TRANSLATE_NOOP("errors", "Reorder point"),
    "count": QT_TRANSLATE_NOOP("errors", "Count number"),
    # Cashier.
    "payment_method": QT_TRANSLATE_NOOP("errors", "Payment method"),
    "course_line_id": QT_TRANSLATE_NOOP("errors", "Course"),
    "amount": QT_TRANSLATE_NOOP("errors", "Amount"),
    "sale": QT_TRANSLATE_NOOP("errors", "Sale"),
    "warehouse": QT_TRANSLATE_NOOP("errors", "Warehouse"),
    "customer": QT_TRANSLATE_NOOP("errors", "Customer"),
    "received_quantity": QT_TRANSLATE_NOOP("errors", "Received quantity"),
    "damaged_quantity": QT_TRANSLATE_NOOP("errors", "Damaged quantity"),
    "shipment_line": QT_TRANSLATE_NOOP("errors", "Shipment line"),
    # Follow-up calls and satisfaction surveys.
    "offsets": QT_TRANSLATE_NOOP("errors", "Days after the event"),
    "next_step": QT_TRANSLATE_NOOP("errors", "Next step"),
    "next_call_in_days": QT_TRANSLATE_NOOP("errors", "Call again in"),
    "is_effective": QT_TRANSLATE_NOOP("errors", "Effective follow-up"),
    "task_id": QT_TRANSLATE_NOOP("errors", "Follow-up call"),
    "comment": QT_TRANSLATE_NOOP("errors", "Comment"),
    "agency": QT_TRANSLATE_NOOP("errors", "Survey agency"),
    "service_quality": QT_TRANSLATE_NOOP("errors", "Service quality"),
    "service_effect": QT_TRANSLATE_NOOP("errors", "Effect of the service"),
    "products": QT_TRANSLATE_NOOP("errors", "Products"),
    "service_attitude": QT_TRANSLATE_NOOP("errors", "Service attitude"),
    "follow_up_service": QT_TRANSLATE_NOOP("errors", "Follow-up service"),
    "problem_solving": QT_TRANSLATE_NOOP("errors", "Problem solving"),
    "institution_id": QT_TRANSLATE_NOOP("errors", "Partner institution"),
    # Complaints and the call centre.
    "contact": QT_TRANSLATE_NOOP("errors", "Contact"),
    "matter": QT_TRANSLATE_NOOP("errors", "Complaint"),
    "handling": QT_TRANSLATE_NOOP("errors", "Handling"),
    "escalated_to_id": QT_TRANSLATE_NOOP("errors", "Supervisor"),
    "measures": QT_TRANSLATE_NOOP("errors", "Measures"),
    "responsible_person": QT_TRANSLATE_NOOP("errors", "Person responsible"),
    "deadline": QT_TRANSLATE_NOOP("errors", "Deadline"),
    "progress": QT_TRANSLATE_NOOP("errors", "Progress"),
    "result": QT_TRANSLATE_NOOP("errors", "Result"),
    "sign_off": QT_TRANSLATE_NOOP("errors", "Customer's sign-off"),
    "signature": QT_TRANSLATE_NOOP("errors", "Signature"),
    "cause": QT_TRANSLATE_NOOP("errors", "Cause"),
    "is_service_attitude": QT_TRANSLATE_NOOP("errors", "Service attitude"),
    "about_staff_id": QT_TRANSLATE_NOOP("errors", "Staff complained about"),
    "summary": QT_TRANSLATE_NOOP("errors", "Summary"),
    "received_at": QT_TRANSLATE_NOOP("errors", "Time received"),
    "caller_name": QT_TRANSLATE_NOOP("errors", "Caller"),
    "topic": QT_TRANSLATE_NOOP("errors", "Topic"),
    "duration_seconds": QT_TRANSLATE_NOOP("errors", "Duration"),
    "called_at": QT_TRANSLATE_NOOP("errors", "Time of the call"),
    "direction": QT_TRANSLATE_NOOP("errors", "Direction"),
    "courtesy": QT_TRANSLATE_NOOP("errors", "Courtesy"),
    "knowledge": QT_TRANSLATE_NOOP("errors", "Knowledge"),
    "resolution": QT_TRANSLATE_NOOP("errors", "Problem solved"),
    "process": QT_TRANSLATE_NOOP("errors", "Process followed"),
}

# What a validation rule says; {field} is the field's label, other names come from params.
RULE_MESSAGES: dict[str, str] = {
    # Consultations, treatment plans and prescriptions.
    "positive": QT_TRANSLATE_NOOP("errors", "{field} must be a number above 0."),
    "too_large": QT_TRANSLATE_NOOP("errors", "{field} may be at most {maximum}."),
    "not_found": QT_TRANSLATE_NOOP("errors", "{field}: the chosen entry no longer exists."),
    "wrong_kind": QT_TRANSLATE_NOOP(
        "errors", "{field}: herbs go on TCM prescriptions, other products on western ones."
    ),
    "too_many": QT_TRANSLATE_NOOP("errors", "{field}: at most {maximum} lines."),
    "not_negative": QT_TRANSLATE_NOOP("errors", "{field} must not be negative."),
    "required": QT_TRANSLATE_NOOP("errors", "{field} is required."),
    "mobile": QT_TRANSLATE_NOOP(
        "errors",
        "{field} must be a Chinese mobile number: 11 digits starting with 1, e.g. 13800138000.",
    ),
    "id_number": QT_TRANSLATE_NOOP(
        "errors", "{field} must be an 18-character resident ID number with a valid check digit."
    ),
    "id_birthday_mismatch": QT_TRANSLATE_NOOP(
        "errors", "The birthday does not match the birthday in the ID number."
    ),
    "email": QT_TRANSLATE_NOOP(
        "errors", "{field} must be an e-mail address such as name@example.com."
    ),
    "too_long": QT_TRANSLATE_NOOP("errors", "{field} may have at most {maximum} characters."),
    "birthday_future": QT_TRANSLATE_NOOP("errors", "{field} must lie between 1900 and today."),
    "card_taken": QT_TRANSLATE_NOOP(
        "errors", "This card number already belongs to another customer."
    ),
    "invalid_characters": QT_TRANSLATE_NOOP(
        "errors", "{field} contains characters that are not allowed."
    ),
    "choice": QT_TRANSLATE_NOOP("errors", "{field} must be one of the listed values."),
    "password_length": QT_TRANSLATE_NOOP(
        "errors", "The password must have at least {minimum} characters."
    ),
    "password_mix": QT_TRANSLATE_NOOP(
        "errors", "The password must contain both letters and digits."
    ),
    "username": QT_TRANSLATE_NOOP(
        "errors",
        "The user name must be 2 to 40 lowercase letters, digits, dots, dashes or underscores, "
        "starting with a letter.",
    ),
    "taken": QT_TRANSLATE_NOOP("errors", "{field} is already taken."),
    "site_code": QT_TRANSLATE_NOOP(
        "errors", "The site code must be 2 to 6 capital letters, e.g. BJ."
    ),
    "date": QT_TRANSLATE_NOOP("errors", "{field} must be a date such as 2026-11-23."),
    "integer": QT_TRANSLATE_NOOP("errors", "{field} must be a whole number."),
    "range": QT_TRANSLATE_NOOP("errors", "{field} must be between {minimum} and {maximum}."),
    "file_type": QT_TRANSLATE_NOOP("errors", "This kind of file is not accepted here."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "errors", "The file is too large (at most {maximum_mb} MB)."
    ),
    "unknown_field": QT_TRANSLATE_NOOP("errors", "{field} names a field that does not exist."),
    "date_range": QT_TRANSLATE_NOOP("errors", "{field} must not lie before the start date."),
    "boolean": QT_TRANSLATE_NOOP("errors", "{field} must be yes or no."),
    "invalid_choice": QT_TRANSLATE_NOOP("errors", "{field} must be one of the listed values."),
    "unknown": QT_TRANSLATE_NOOP("errors", "{field} is not a filter of this report."),
    "in_the_future": QT_TRANSLATE_NOOP("errors", "{field} cannot lie in the future."),
    "required_together": QT_TRANSLATE_NOOP(
        "errors", "A turn that does not count needs its reason and the consultant named."
    ),
    "time": QT_TRANSLATE_NOOP("errors", "{field} must be a time such as 13:00."),
    "invalid_mobile": QT_TRANSLATE_NOOP(
        "errors",
        "{field} must be a Chinese mobile number: 11 digits starting with 1, e.g. 13800138000.",
    ),
    "control_characters": QT_TRANSLATE_NOOP(
        "errors", "{field} contains characters that are not allowed."
    ),
    "unknown_user": QT_TRANSLATE_NOOP("errors", "{field} is not an active member of staff."),
    "not_a_consultant": QT_TRANSLATE_NOOP("errors", "{field} must be an active consultant."),
    "already_arrived": QT_TRANSLATE_NOOP(
        "errors", "The customer of this inquiry has already arrived."
    ),
    "other_customer": QT_TRANSLATE_NOOP("errors", "This inquiry belongs to another customer."),
    "pre_booking_incomplete": QT_TRANSLATE_NOOP(
        "errors",
        "Pre-booked needs the consultant's own inquiry with surname, phone, channel and item.",
    ),
    "invalid_duration": QT_TRANSLATE_NOOP(
        "errors", "The end must come after the start, at most 8 hours later."
    ),
    "in_the_past": QT_TRANSLATE_NOOP("errors", "{field} lies in the past."),
    "not_bookable": QT_TRANSLATE_NOOP("errors", "{field} cannot be booked."),
    "register_customer_first": QT_TRANSLATE_NOOP(
        "errors", "Register the customer (or pick them) before checking in."
    ),
    "already_sent": QT_TRANSLATE_NOOP("errors", "This message was already sent."),
    # Greetings and message templates.
    "unknown_placeholder": QT_TRANSLATE_NOOP(
        "errors", "{field}: {placeholder} is not a known placeholder; use {allowed}."
    ),
    "template_braces": QT_TRANSLATE_NOOP(
        "errors", "{field}: every {{ needs its }}; write placeholders such as {allowed}."
    ),
    "no_recipients": QT_TRANSLATE_NOOP(
        "errors", "No customer to send to: all were greeted already or have no mobile."
    ),
    "inactive": QT_TRANSLATE_NOOP("errors", "{field} is no longer in use."),
    # Membership.
    "tier_code": QT_TRANSLATE_NOOP(
        "errors",
        "The tier code must be 1 to 20 lowercase letters, digits or underscores, starting with "
        "a letter, e.g. platinum.",
    ),
    "lowest_tier_from_zero": QT_TRANSLATE_NOOP(
        "errors", "The lowest tier must start at a spend of 0, so that every customer has a tier."
    ),
    "ranks_unique": QT_TRANSLATE_NOOP(
        "errors", "Two tiers have the rank {rank}; ranks must differ."
    ),
    "thresholds_ascending": QT_TRANSLATE_NOOP(
        "errors", "{higher} must start at a higher spend than {lower}: thresholds rise with rank."
    ),
    "decimals": QT_TRANSLATE_NOOP("errors", "{field} may have at most {places} decimal places."),
    "tier_in_use": QT_TRANSLATE_NOOP(
        "errors", "Customers hold the tier {code}: move them to another tier before removing it."
    ),
    "same_tier": QT_TRANSLATE_NOOP("errors", "The customer is already in this tier."),
    "period_not_over": QT_TRANSLATE_NOOP(
        "errors", "{period} has not ended yet: re-evaluate a period after its last day."
    ),
    "period_before_last": QT_TRANSLATE_NOOP(
        "errors", "A later period has already been re-evaluated; {period} cannot be run again."
    ),
    "no_tiers": QT_TRANSLATE_NOOP(
        "errors", "No tiers are configured: headquarters sets them up first."
    ),
    "self_referral": QT_TRANSLATE_NOOP("errors", "A customer cannot refer themselves."),
    "already_signed_in": QT_TRANSLATE_NOOP("errors", "This member has already signed in."),
    "needs_time_zone": QT_TRANSLATE_NOOP("errors", "{field} needs a time zone."),
    # Follow-up calls.
    "offsets": QT_TRANSLATE_NOOP(
        "errors", "{field}: whole days from 1 to 365, separated by commas, at most ten."
    ),
    "duplicate_rule": QT_TRANSLATE_NOOP(
        "errors", "Two rules name the same event and category; keep one."
    ),
    "effective_needs_reached": QT_TRANSLATE_NOOP(
        "errors", "Only a call that reached the customer can count as an effective follow-up."
    ),
    "task_done": QT_TRANSLATE_NOOP("errors", "This follow-up call has already been made."),
    "no_satisfaction_suspension": QT_TRANSLATE_NOOP(
        "errors", "This consultant's satisfaction that month does not call for a suspension."
    ),
    "already_suspended": QT_TRANSLATE_NOOP(
        "errors", "This consultant was already suspended for that month's satisfaction."
    ),
    "ownership_lapsed": QT_TRANSLATE_NOOP(
        "errors",
        "The customer no longer belongs to this consultant: too few effective follow-up calls "
        "in the last three months. Queue them normally, unless the customer remembers the "
        "consultant.",
    ),
    # Warehouse.
    "number": QT_TRANSLATE_NOOP("errors", "{field} must be a number, e.g. 12 or 2.5."),
    "minimum": QT_TRANSLATE_NOOP("errors", "{field} must be at least {minimum}."),
    "expired": QT_TRANSLATE_NOOP("errors", "{field}: this batch has already expired."),
    "over_receipt": QT_TRANSLATE_NOOP(
        "errors", "More {product} received than is still outstanding on the order."
    ),
    "uncounted": QT_TRANSLATE_NOOP(
        "errors", "{lines} line(s) are not counted yet or wait for a recount."
    ),
    "witness_self": QT_TRANSLATE_NOOP(
        "errors", "The witness must be someone other than the person destroying the goods."
    ),
    "same_location": QT_TRANSLATE_NOOP("errors", "Goods cannot move to where they already are."),
    "short_stock": QT_TRANSLATE_NOOP(
        "errors", "Not enough usable {product} in stock: {available} there, {requested} asked for."
    ),
    "nutrients_only": QT_TRANSLATE_NOOP(
        "errors", "{product} is not a nutrient: branches requisition nutrients only."
    ),
    "damaged_over_received": QT_TRANSLATE_NOOP(
        "errors", "{product}: more damaged than received or shipped."
    ),
    "not_shipped": QT_TRANSLATE_NOOP("errors", "{field}: this line is not on the shipment."),
    "order_mismatch": QT_TRANSLATE_NOOP(
        "errors", "The supplier or warehouse differs from the purchase order's."
    ),
    "columns": QT_TRANSLATE_NOOP(
        "errors", "The sheet needs the columns 条码 (or 编码) and 实盘数量 in its first row."
    ),
    "not_a_supervisor": QT_TRANSLATE_NOOP(
        "errors", "An escalated complaint goes to a supervisor (a branch manager)."
    ),
    "attitude_needs_service": QT_TRANSLATE_NOOP(
        "errors", "A service-attitude complaint has the cause service."
    ),
    "no_attitude_suspension": QT_TRANSLATE_NOOP(
        "errors",
        "Only a complaint whose cause is the service attitude of a named staff member suspends "
        "them, once.",
    ),
}

# What every other domain error says.
CODE_MESSAGES: dict[str, str] = {
    "document_is_final": QT_TRANSLATE_NOOP(
        "errors", "A saved document is never edited; save a correction as a new version."
    ),
    "document_superseded": QT_TRANSLATE_NOOP(
        "errors", "A newer version of this document exists; correct the newest one."
    ),
    "prescription_is_signed": QT_TRANSLATE_NOOP(
        "errors", "This prescription is signed and final; it cannot be changed or signed again."
    ),
    "permission_denied": QT_TRANSLATE_NOOP("errors", "Your role is not allowed to do this."),
    "not_found": QT_TRANSLATE_NOOP("errors", "The record no longer exists."),
    "login_failed": QT_TRANSLATE_NOOP(
        "errors",
        "Wrong user name or password. {tries_left} tries left before the account is locked.",
    ),
    "account_locked": QT_TRANSLATE_NOOP(
        "errors", "Too many wrong passwords: this account is locked for {minutes} minutes."
    ),
    "ledger_append_only": QT_TRANSLATE_NOOP(
        "errors", "Saved history cannot be changed; add a correcting entry instead."
    ),
    "physical_delete_refused": QT_TRANSLATE_NOOP("errors", "Saved records cannot be deleted."),
    "bulk_write_refused": QT_TRANSLATE_NOOP("errors", "This change is not allowed."),
    "already_initialised": QT_TRANSLATE_NOOP("errors", "This database has already been set up."),
    "not_initialised": QT_TRANSLATE_NOOP("errors", "This database has not been set up yet."),
    "merge_refused": QT_TRANSLATE_NOOP("errors", "These two customers cannot be merged."),
    "duplicates_found": QT_TRANSLATE_NOOP(
        "errors", "A customer with the same details already exists."
    ),
    "stale_record": QT_TRANSLATE_NOOP(
        "errors", "Someone else changed this record meanwhile. Reopen it and try again."
    ),
    "no_cjk_font": QT_TRANSLATE_NOOP(
        "errors",
        "No Chinese font was found for printing. Install Microsoft YaHei (Windows) or "
        "fonts-wqy-microhei (Linux).",
    ),
    "backup_not_possible": QT_TRANSLATE_NOOP("errors", "The backup could not be made: {path}"),
    "cancelled": QT_TRANSLATE_NOOP("errors", "Cancelled."),
    "arrival_is_final": QT_TRANSLATE_NOOP(
        "errors", "A saved arrival cannot be changed or deleted; record a correction instead."
    ),
    "arrival_superseded": QT_TRANSLATE_NOOP(
        "errors", "This arrival was corrected meanwhile; correct the newest record."
    ),
    "triage_unknown_consultant": QT_TRANSLATE_NOOP(
        "errors", "This consultant is not on today's rotation."
    ),
    "triage_unknown_arrival": QT_TRANSLATE_NOOP("errors", "This customer is not in today's queue."),
    "triage_offer_no_longer_open": QT_TRANSLATE_NOOP(
        "errors",
        "This offer is no longer open: it timed out, passed to the next consultant, or the "
        "customer was received by someone else.",
    ),
    "triage_consultant_unavailable": QT_TRANSLATE_NOOP(
        "errors", "This consultant cannot receive a customer now (off duty or suspended)."
    ),
    "triage_consultant_already_on_duty": QT_TRANSLATE_NOOP(
        "errors", "This consultant is already on the rotation."
    ),
    "triage_arrival_already_queued": QT_TRANSLATE_NOOP(
        "errors", "This arrival is already in the queue."
    ),
    "triage_arrival_already_received": QT_TRANSLATE_NOOP(
        "errors", "This customer already has a consultant; change it by a reassignment."
    ),
    "triage_arrival_not_with_consultant": QT_TRANSLATE_NOOP(
        "errors", "This customer has not been received by a consultant yet."
    ),
    "triage_reassignment_needs_supervisor": QT_TRANSLATE_NOOP(
        "errors", "Every reassignment is confirmed by a supervisor."
    ),
    "triage_reassignment_needs_consent": QT_TRANSLATE_NOOP(
        "errors",
        "Without the customer's signed consent, the supervisor and the director check first.",
    ),
    "triage_event_out_of_order": QT_TRANSLATE_NOOP(
        "errors", "Another workstation acted at the same moment. Try again."
    ),
    "triage_inconsistent_event": QT_TRANSLATE_NOOP(
        "errors", "The day's triage record is inconsistent; ask the administrator."
    ),
    "appointment_conflict": QT_TRANSLATE_NOOP(
        "errors", "{field} is already booked from {starts} to {ends} ({customer_name})."
    ),
    "appointment_not_open": QT_TRANSLATE_NOOP(
        "errors", "Appointment {number} is no longer open (it was checked in or cancelled)."
    ),
    "negative_stock": QT_TRANSLATE_NOOP(
        "errors",
        "Not enough {product} (batch {batch}) at {location}: {available} there, {requested} asked for.",
    ),
    "unknown_barcode": QT_TRANSLATE_NOOP("errors", "No product has the code {barcode}."),
    "not_in_count": QT_TRANSLATE_NOOP("errors", "{product} is not on this count's sheet."),
    "stock_document_state": QT_TRANSLATE_NOOP(
        "errors", "{number} cannot do this in its present state ({state})."
    ),
    "requisition_out_of_order": QT_TRANSLATE_NOOP(
        "errors",
        "Requisition {number} is not at this step: a requisition is requested, approved, "
        "shipped and received, in this order and each once; a rejected one goes no further.",
    ),
    "shipment_already_received": QT_TRANSLATE_NOOP(
        "errors", "Shipment {number} has already been received."
    ),
    "import_rejected": QT_TRANSLATE_NOOP(
        "errors", "Nothing was imported: {count} row(s) are wrong, the first is row {first}."
    ),
    # Cashier.
    "payment_mismatch": QT_TRANSLATE_NOOP(
        "errors", "The payments add up to {paid} but {total} is owed: they must match exactly."
    ),
    "refund_too_large": QT_TRANSLATE_NOOP(
        "errors", "More would be paid back than was paid: at most {left} can go back that way."
    ),
    "insufficient_points": QT_TRANSLATE_NOOP(
        "errors", "Not enough points: the customer holds {balance}, {asked} are needed."
    ),
    "insufficient_stored_value": QT_TRANSLATE_NOOP(
        "errors", "Not enough stored value: the customer holds {balance}, {asked} is charged."
    ),
    "insufficient_deposit": QT_TRANSLATE_NOOP(
        "errors", "Not enough unused deposit: the customer holds {balance}, {asked} is asked for."
    ),
    "course_exhausted": QT_TRANSLATE_NOOP(
        "errors",
        "{name}: {used} of {sessions} sessions are taken; no more sessions can be taken, and a "
        "course with sessions taken cannot be refunded.",
    ),
    "already_refunded": QT_TRANSLATE_NOOP(
        "errors", "This was already refunded; each line is refunded once."
    ),
    "complaint_step_out_of_order": QT_TRANSLATE_NOOP(
        "errors",
        "Not possible at this stage: a complaint goes through intake, routing, investigation, "
        "plan, progress, result signed by the customer, cause, summary and closing, in this order.",
    ),
}


UNKNOWN_RULE = QT_TRANSLATE_NOOP("errors", "{field}: this value is not allowed.")
UNKNOWN_CODE = QT_TRANSLATE_NOOP("errors", "The action was refused ({code}).")
NOT_POSSIBLE = QT_TRANSLATE_NOOP("errors", "Not possible")
ERROR_TITLE = QT_TRANSLATE_NOOP("errors", "Error")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(field: str | None) -> str:
    """The translated label of a field name, or the name itself."""
    if not field:
        return ""
    return _tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def message_for(error: DomainError) -> str:
    """The translated sentence that tells the user what is wrong and what is allowed."""
    params = {key: value for key, value in error.params.items()}
    params["field"] = field_label(error.field)
    if isinstance(error, ValidationFailed):
        rule = str(error.params.get("rule", "required"))
        template = RULE_MESSAGES.get(rule)
        if template is None:
            return _tr(UNKNOWN_RULE).format(field=params["field"])
    else:
        template = CODE_MESSAGES.get(error.code)
        if template is None:
            return _tr(UNKNOWN_CODE).format(code=error.code)
    try:
        return _tr(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return _tr(template)


UNEXPECTED = QT_TRANSLATE_NOOP(
    "errors",
    "Something went wrong and nothing was saved. The details were written to the log file: {path}",
)


def show_error(parent: QWidget | None, error: Exception) -> QMessageBox:
    """A message box for a refusal or an unexpected failure (never a traceback); never blocks."""
    if isinstance(error, DomainError):
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr(NOT_POSSIBLE), message_for(error), parent=parent
        )
    else:
        from lorch_desk.config import log_file

        log.error("unexpected error shown to the user: %r", error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _tr(ERROR_TITLE),
            _tr(UNEXPECTED).format(path=log_file()),
            parent=parent,
        )
    box.setObjectName("error_message")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
