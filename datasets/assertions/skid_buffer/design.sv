module skid_buffer (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       s_valid,
    output reg        s_ready,
    input  wire [7:0] s_data,
    output wire       m_valid,
    input  wire       m_ready,
    output wire [7:0] m_data
);
  reg       main_v, skid_v;
  reg [7:0] main_d, skid_d;
  assign m_valid = main_v;
  assign m_data = main_d;
  wire s_fire = s_valid && s_ready;
  wire main_free = !main_v || m_ready;
  always @(posedge clk) begin
    if (!rst_n) begin
      main_v <= 1'b0;
      skid_v <= 1'b0;
      s_ready <= 1'b1;
    end else begin
      if (main_free) begin
        if (skid_v) begin
          main_v <= 1'b1;
          main_d <= skid_d;
          skid_v <= 1'b0;
        end else begin
          main_v <= s_fire;
          if (s_fire) main_d <= s_data;
        end
      end else if (s_fire) begin
        skid_v <= 1'b1;
        skid_d <= s_data;
      end
      s_ready <= main_free ? 1'b1 : !(skid_v || s_fire);
    end
  end
endmodule
