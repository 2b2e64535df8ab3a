/** Server messages of the dashboard area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const dashboardMessagesVi = {
  // Boundary files (src/domain/geo, src/db/boundaries)
  boundary_not_json: 'Tệp ranh giới không phải JSON hợp lệ (GeoJSON hoặc TopoJSON): {detail}',
  boundary_unknown_format: 'Tệp ranh giới phải là GeoJSON (FeatureCollection hoặc Feature) hoặc TopoJSON (Topology); tệp này có kiểu "{type}".',
  boundary_no_features: 'Tệp ranh giới không có đối tượng (feature) nào.',
  boundary_topology_object: 'TopoJSON không có đối tượng "{object}"; các đối tượng có trong tệp: {objects}.',
  boundary_topology_arcs: 'TopoJSON: cung (arc) số {arc} hoặc phần "transform" không hợp lệ (phải là các cặp số, toạ độ kinh độ/vĩ độ).',
  boundary_arc_index: 'Đối tượng thứ {feature}: chỉ số cung "{index}" không có trong danh sách cung của TopoJSON.',
  boundary_geometry_type: 'Đối tượng thứ {feature}: kiểu hình học "{type}" không phải vùng (chỉ nhận Polygon, MultiPolygon).',
  boundary_coordinates: 'Đối tượng thứ {feature}, tại {path}: toạ độ không hợp lệ ({detail}) — cần cặp số kinh độ [-180, 180], vĩ độ [-90, 90].',
  boundary_ring: 'Đối tượng thứ {feature}, tại {path}: vòng ranh giới phải khép kín và có ít nhất 4 điểm (hiện có {positions}).',
  boundary_no_units: 'Chưa có danh mục đơn vị hành chính bố cục {layout} cấp {level} để ghép ranh giới.',
  boundary_property_unknown: 'Không đối tượng nào có thuộc tính "{property}". Các thuộc tính có trong tệp: {properties}.',
  boundary_nothing_matched: 'Không ghép được đối tượng nào với mã đơn vị bố cục {layout} cấp {level} theo thuộc tính "{property}". Hãy chọn thuộc tính chứa mã đơn vị (các thuộc tính có trong tệp: {properties}).',
  boundary_file_required: 'Hãy gửi tệp ranh giới (GeoJSON hoặc TopoJSON) trong trường "file".',
  boundary_province_required: 'Lớp ranh giới cấp xã cần tham số "province" (mã tỉnh).',
} as const;

export const dashboardMessagesEn: Record<keyof typeof dashboardMessagesVi, string> = {
  boundary_not_json: 'The boundary file is not valid JSON (GeoJSON or TopoJSON): {detail}',
  boundary_unknown_format: 'A boundary file must be GeoJSON (FeatureCollection or Feature) or TopoJSON (Topology); this file has type "{type}".',
  boundary_no_features: 'The boundary file has no features.',
  boundary_topology_object: 'The TopoJSON has no object "{object}"; objects in the file: {objects}.',
  boundary_topology_arcs: 'TopoJSON: arc {arc} or the "transform" is invalid (pairs of numbers, longitude/latitude).',
  boundary_arc_index: 'Feature {feature}: arc index "{index}" is not in the TopoJSON arcs.',
  boundary_geometry_type: 'Feature {feature}: geometry type "{type}" is not an area (only Polygon and MultiPolygon).',
  boundary_coordinates: 'Feature {feature}, at {path}: invalid coordinates ({detail}); expected longitude [-180, 180], latitude [-90, 90].',
  boundary_ring: 'Feature {feature}, at {path}: a ring must be closed with at least 4 positions (it has {positions}).',
  boundary_no_units: 'There is no {layout}-layout unit list at level {level} to match boundaries to.',
  boundary_property_unknown: 'No feature has the property "{property}". Properties in the file: {properties}.',
  boundary_nothing_matched: 'No feature matched a {layout}-layout {level} code by property "{property}". Choose the property holding the unit code (properties in the file: {properties}).',
  boundary_file_required: 'Send the boundary file (GeoJSON or TopoJSON) in the "file" field.',
  boundary_province_required: 'A commune-level boundary layer needs the "province" parameter (province code).',
};
