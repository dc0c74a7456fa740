/// Which LOA to produce.
public enum LOAForm: Sendable, Hashable {
    case usLocal
    /// A RespOrg change naming our RespOrg id (5 letters or digits).
    case tollFree(respOrgID: String)
    /// A per-country template, as ops configured it.
    case international(LOATemplate)

    var template: LOATemplate {
        switch self {
        case .usLocal: .usLocal
        case .tollFree: .tollFree
        case .international(let template): template
        }
    }

    var respOrgID: String? {
        if case .tollFree(let id) = self { return id }
        return nil
    }
}
