
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "Entity": [
      "Agreement",
      "Alliance",
      "Application",
      "Commitment",
      "Country",
      "Event",
      "Facility",
      "Material",
      "Measure",
      "Organization",
      "Person",
      "Source",
      "Statement"
    ],
    "Node": [
      "Agreement",
      "Alliance",
      "Application",
      "AuditEntry",
      "Commitment",
      "Country",
      "Event",
      "Facility",
      "Material",
      "Measure",
      "Organization",
      "Person",
      "Relationship",
      "Source",
      "Statement"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Entity": [
      "Agreement",
      "Alliance",
      "Application",
      "Commitment",
      "Country",
      "Event",
      "Facility",
      "Material",
      "Measure",
      "Organization",
      "Person",
      "Source",
      "Statement"
    ],
    "Node": [
      "Agreement",
      "Alliance",
      "Application",
      "AuditEntry",
      "Commitment",
      "Country",
      "Event",
      "Facility",
      "Material",
      "Measure",
      "Organization",
      "Person",
      "Relationship",
      "Source",
      "Statement"
    ]
  }
};
      export default result;
    