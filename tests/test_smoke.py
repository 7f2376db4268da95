def test_home_page_renders(client, make_story):
    story = make_story("Điển hình tiên tiến ở xã vùng cao")
    assert story.slug == "dien-hinh-tien-tien-o-xa-vung-cao"
    response = client.get("/")
    assert response.status_code == 200
