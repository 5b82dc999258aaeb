module seq_detect_1011 (
    input  wire clk,
    input  wire rst_n,
    input  wire din,
    output wire found
);
  localparam S0 = 3'd0, S1 = 3'd1, S10 = 3'd2, S101 = 3'd3, S1011 = 3'd4;
  reg [2:0] state;
  assign found = state == S1011;
  always @(posedge clk) begin
    if (!rst_n) state <= S0;
    else case (state)
      S0: state <= din ? S1 : S0;
      S1: state <= din ? S1 : S10;
      S10: state <= din ? S101 : S0;
      S101: state <= din ? S1011 : S10;
      S1011: state <= din ? S1 : S10;
      default: state <= S0;
    endcase
  end
endmodule
