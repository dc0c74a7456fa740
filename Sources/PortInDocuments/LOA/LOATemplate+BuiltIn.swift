extension LOATemplate {
    /// US local number port, worded after 47 CFR 64.1130: a separate document, the subscriber's
    /// name and address, every number, agency for the new provider, one provider designated.
    public static let usLocal = LOATemplate(
        id: "us-local",
        title: "Letter of Authorization to Port Telephone Numbers",
        paragraphs: [
            "This Letter of Authorization (LOA) is a separate document whose only purpose is to authorize a change of local service provider for the telephone numbers listed in it. It must be signed and dated by the subscriber or by a person authorized to act for the subscriber.",
            "I, {authorized_name}, {authorized_title} of {subscriber_name}, the subscriber of record at {service_address}, authorize {new_provider} to act as my agent to port every telephone number listed in this letter from {current_carrier} to {new_provider}, and to obtain my customer service record and any other information needed to complete the port.",
            "I understand that only one provider may be designated as the local service provider for any one telephone number, and I designate {new_provider} for each number listed here. I understand that changing my provider may involve a charge, and that services provided by {current_carrier} on these numbers will end when the port completes.",
            "I certify that I am the subscriber of record or am authorized to act for the subscriber, and that the subscriber name, service address, account number and billing telephone number in this letter match the account with {current_carrier}.",
        ],
        numbersHeading: "Telephone numbers to port ({number_count}), each listed individually",
        signatureStatement: "Signed and dated by the subscriber or the person authorized to act for the subscriber:"
    )

    /// Toll-free RespOrg change: the new RespOrg's identity, every number listed, signed not stamped,
    /// valid for 30 days. The RespOrg id is the `{resporg_id}` value the form supplies.
    public static let tollFree = LOATemplate(
        id: "toll-free",
        title: "Toll-Free Letter of Authorization: Change of RespOrg",
        paragraphs: [
            "This Letter of Authorization (LOA) is a separate document authorizing a change of Responsible Organization (RespOrg) in the toll-free number registry for the toll-free numbers listed in it.",
            "I, {authorized_name}, {authorized_title} of {subscriber_name}, the customer of record, authorize {new_provider}, RespOrg ID {resporg_id}, to act as my agent to change the RespOrg of every toll-free number listed in this letter from the current RespOrg or carrier, {current_carrier}, to RespOrg ID {resporg_id}, and to obtain any information needed to complete the change.",
            "I understand that only one RespOrg may control a toll-free number at a time, and I designate {new_provider} (RespOrg ID {resporg_id}) for each number listed here. I understand that the change may involve a charge, and that routing and features provided by {current_carrier} on these numbers will end when the change completes.",
            "This letter must be signed by hand or electronically, not stamped, and is valid for 30 days from its date. Every number is listed individually; numbers that continue onto further pages are an attached list that is part of this letter.",
        ],
        numbersHeading: "Toll-free numbers ({number_count}), each listed individually",
        signatureStatement: "Signed and dated by the customer of record or the person authorized to act for the customer:",
        fieldLabels: ["current_carrier": "Current RespOrg / carrier", "new_provider": "New RespOrg"]
    )

    /// A generic international LOA, used until ops supply a country's own template.
    public static let internationalDefault = LOATemplate(
        id: "international",
        title: "Letter of Authorization for Number Porting",
        paragraphs: [
            "This Letter of Authorization (LOA) is a separate document authorizing the transfer of the telephone numbers listed in it to a new provider.",
            "I, {authorized_name}, {authorized_title} of {subscriber_name}, the subscriber of record at {service_address}, authorize {new_provider} to act as my agent to port every number listed in this letter from {current_carrier} to {new_provider}, and to obtain any information needed to complete the port.",
            "I understand that only one provider may be designated for any one number, and I designate {new_provider} for each number listed here. I confirm that the details in this letter match my account with {current_carrier}.",
        ],
        numbersHeading: "Numbers to port ({number_count}), each listed individually",
        signatureStatement: "Signed and dated by the subscriber or the person authorized to act for the subscriber:"
    )
}
